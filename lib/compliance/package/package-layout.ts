// The fixed names of the evidence package's files (the tables' names come from plan-package-files.ts).
export const reportJsonFile = "report.json";
export const readmeFile = "README.txt";
export const manifestFile = "manifest.csv";
export const statementFile = "statement.jws";
export const sumsFile = "SHA256SUMS";
export const packageSignatureFile = "SHA256SUMS.jws";
