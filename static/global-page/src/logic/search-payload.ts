import type { PostmortemSearch } from '../../../../src/contract/global-page-api';

export interface SearchForm {
  text: string;
  category: string;
  severity: string;
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchForm = { text: '', category: '', severity: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The resolver payload: trimmed, empty fields left out (the backend reads "absent" as "any"). */
export function searchPayload(form: SearchForm): PostmortemSearch {
  const payload: PostmortemSearch = {};
  const text = form.text.trim();
  const category = form.category.trim();
  if (text) payload.text = text;
  if (category) payload.category = category;
  // The form's select offers only the four severities; the resolver refuses anything else.
  if (form.severity) payload.severity = form.severity as PostmortemSearch['severity'];
  if (DAY.test(form.from)) payload.from = form.from;
  if (DAY.test(form.to)) payload.to = form.to;
  return payload;
}

/** A range that ends before it starts would silently find nothing; the form says so instead. */
export function searchRangeError(form: SearchForm): string | null {
  return DAY.test(form.from) && DAY.test(form.to) && form.from > form.to
    ? 'The "to" date is before the "from" date.'
    : null;
}
