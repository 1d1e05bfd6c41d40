import type { Initiative } from '../model/initiative';

/** A folder that holds templates to copy, not work: `templates/`, `_templates/`, `.template/`. */
const TEMPLATE_FOLDER = /^[._]?templates?$/i;
/** A title or id still to fill in: `{InitiativeName}`, `TODO XXX`, `<name>`, `[Initiative]`. */
const PLACEHOLDER = /\{[^{}\s]+\}|\bX{3,}\b|\bN{3}\b|<[A-Za-z][\w -]*>|\[(?:initiative|name|title)[^\]]*\]/i;

/**
 * Whether an initiative is a template (it lives in a templates folder, or its TODO title or id is
 * a placeholder like "TODO XXX — {InitiativeName}"): listed nowhere as an initiative.
 */
export function isTemplateInitiative(initiative: Initiative): boolean {
  if (initiative.key.folder.split('/').some((segment) => TEMPLATE_FOLDER.test(segment))) return true;
  return PLACEHOLDER.test(initiative.key.id) || PLACEHOLDER.test(initiative.name);
}
