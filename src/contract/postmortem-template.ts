// Shared with the panel, which shows the template's sections as the severity is edited. A module of its
// own: the panel's bundle takes this pure rule without the contract's zod schemas.
export {
  FULL_TEMPLATE_SECTIONS,
  postmortemTemplate,
  type PostmortemTemplate,
  type TemplateSection,
} from '../domain/templates/postmortem-template';
