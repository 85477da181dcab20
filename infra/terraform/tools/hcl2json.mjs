// Prints {"<file>": <HCL as JSON>, ...} for every *.tf file given on the command line; exits 1 on a parse error.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "@cdktf/hcl2json";

const result = {};
for (const file of process.argv.slice(2)) {
  try {
    result[basename(file)] = await parse(basename(file), await readFile(file, "utf8"));
  } catch (error) {
    process.stderr.write(`${file}: ${error?.message ?? error}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(result));
