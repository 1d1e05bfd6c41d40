/** Built-in template of a phase's notes. Placeholders: see ./index.ts. */
export const NOTES_TEMPLATE = `# {{todoName}} Phase {{phase}} Notes — {{title}}

**Generated**: {{date}} by Proofmark from {{sources}}. Each evidence placeholder and \`<!-- … -->\` comment is a slot: replace it with a fact (a path, a log, a test output), or delete it.

## Goal

{{goal}}

## Tasks

{{tasks}}

## Deviations from the Plan

<!-- what was done differently from the TODO, and why -->
`;
