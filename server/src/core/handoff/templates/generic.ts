/** Template of an output kind the built-in set does not know (a kind added to `conventions.outputKinds`). */
export const GENERIC_TEMPLATE = `# {{todoName}} Phase {{phase}} {{kindTitle}} — {{title}}

**Generated**: {{date}} by Proofmark from {{sources}}. Each evidence placeholder and \`<!-- … -->\` comment is a slot to replace with a fact.

## Tasks

{{tasks}}
`;
