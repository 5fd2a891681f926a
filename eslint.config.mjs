import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// typescript-eslint's recommended rules plus the office-addins rules that catch office.js mistakes
// (sync in loops, reading before load…). Formatting is Prettier's job (`npm run lint` runs both).
const officeRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }] },
  },
  // office.js rules where office.js is used; elsewhere ExcelJS's getRow/getCell would trip them.
  {
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
);
