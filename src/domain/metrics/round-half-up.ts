// DESIGN.md "Metric definitions": whole numbers rounded half up (Math.round rounds -0.5 towards +∞, so be explicit).
export function roundHalfUp(value: number): number {
  return value >= 0 ? Math.floor(value + 0.5) : -Math.floor(-value + 0.5);
}
