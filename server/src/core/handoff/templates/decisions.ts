/** Built-in template of a phase's decision records. Placeholders: see ./index.ts. */
export const DECISIONS_TEMPLATE = `# {{todoName}} Phase {{phase}} Decisions — {{title}}

**Generated**: {{date}} by Proofmark from {{sources}}. One record per task: the context comes from the TODO; write the decision, the alternatives and the consequences, each with its evidence.

{{decisions}}
`;
