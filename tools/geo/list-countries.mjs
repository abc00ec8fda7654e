// Writes seed-data/iso-countries.json: every ISO 3166-1 alpha-2 code with its English, Korean and Spanish names, from
// i18n-iso-countries (MIT licence). Run by hand (`npm run list-countries`); the output is committed. Editors choose
// from this list, so a city or project in a country the source never mentioned (Cambodia) can be entered.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");
const languages = ["en", "ko", "es"];
for (const language of languages) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
}

const names = Object.fromEntries(languages.map(language => [language, countries.getNames(language, { select: "official" })]));
const codes = Object.keys(countries.getAlpha2Codes()).sort();
const lines = codes.map(code => JSON.stringify({ code, en: names.en[code], ko: names.ko[code], es: names.es[code] }));
const missing = codes.filter(code => languages.some(language => !names[language][code]));
if (missing.length > 0) {
  throw new Error(`No name in some language for: ${missing.join(", ")}`);
}

writeFileSync(new URL("../../seed-data/iso-countries.json", import.meta.url), `[\n${lines.join(",\n")}\n]\n`);
console.log(`${codes.length} countries written`);
