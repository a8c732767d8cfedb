// Runs in a plain Node process: the validator is ESM-only (import.meta), which jest's CommonJS
// runtime cannot load. Reads a document on stdin, prints the validator's verdict as JSON.
import process from 'node:process';
import { Validator } from '@seriousme/openapi-schema-validator';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const validator = new Validator();
const result = await validator.validate(JSON.parse(input));
process.stdout.write(JSON.stringify({ ...result, version: validator.version }));
