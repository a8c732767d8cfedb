const preset = require('../../jest.preset')(__dirname);

// dist/ holds a copy of package.json (the n8n build compiles it in); keep jest's module map off it.
module.exports = { ...preset, modulePathIgnorePatterns: ['<rootDir>/dist/'] };
