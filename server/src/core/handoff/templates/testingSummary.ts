/** Built-in template of a phase's testing summary. Placeholders: see ./index.ts. */
export const TESTING_SUMMARY_TEMPLATE = `# {{todoName}} Phase {{phase}} Testing Summary — {{title}}

**Generated**: {{date}} by Proofmark from {{sources}}. The statuses are computed from the outputs of earlier phases; nothing in this file is a result until its Measured and Evidence cells are filled.

## Requirements Traceability

{{traceability}}

## Evidence Found in Earlier Phases

{{evidenceFound}}

{{previousIteration}}
`;
