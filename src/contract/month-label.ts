// The page and the report's Markdown head their columns the same way; the front end may import only
// src/contract, so the one rule is re-exported here rather than restated.
export { monthLabel } from '../domain/trends/month-label';
