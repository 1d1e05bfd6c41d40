/** Built-in template of a phase's handoff. Placeholders: see ./index.ts. */
export const HANDOFF_TEMPLATE = `# {{todoName}} Phase {{phase}} Handoff — {{title}}

**Generated**: {{date}} by Proofmark from {{sources}}. Everything below is carried forward to the next phase; each \`<!-- … -->\` comment is a slot to replace with a fact.

## Open Items Carried Forward

{{openItems}}

## Requirements Without Evidence

{{unevidenced}}

## Missing Outputs of Earlier Phases

{{missingOutputs}}

## Prerequisites of the Next Phase

{{nextPrerequisites}}

## Risks

- **Risk**: <!-- what could go wrong in the next phase -->
  - **Likelihood and impact**: <!-- -->
  - **Mitigation**: <!-- -->
`;
