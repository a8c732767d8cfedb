// Zapier loads the definition as the module itself (`module.exports = App`), hence `export =`.
import { App } from './app';

export = App;
