;;; fulint.el --- fulint drafts with eglot (Emacs 29+ has eglot built in)
;; Load it from your init file: (load "/path/to/editors/emacs/fulint.el")

(require 'eglot)

;; .eml drafts open in message-mode; .txt drafts are text-mode buffers.
(add-to-list 'auto-mode-alist '("\\.eml\\'" . message-mode))

(add-to-list 'eglot-server-programs
             '((message-mode mail-mode) . ("fulint" "--lsp")))

;; Start fulint for mail buffers; for .txt drafts, run M-x eglot in the buffer
;; (or add text-mode to the list above and the hook below).
(add-hook 'message-mode-hook #'eglot-ensure)

;; Optional settings, in the shape of .fulint.json (section "fulint"):
;; (setq-default eglot-workspace-configuration
;;               '(:fulint (:rules (:emoji "off" :too-long (:max_words 200)))))
