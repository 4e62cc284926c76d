// Validates fulint's JSON output (a file argument) against schemas/fulint-output.schema.json.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schemas", "fulint-output.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const f of process.argv.slice(2)) {
  const data = JSON.parse(fs.readFileSync(f, "utf8"));
  if (!validate(data)) {
    bad++;
    console.log(`${f}: does not match the schema:`);
    for (const e of validate.errors.slice(0, 10)) console.log(`  ${e.instancePath || "/"} ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);
