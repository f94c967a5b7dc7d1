/**
 * Copies text to the clipboard. The async Clipboard API can be missing or refused inside Jira's
 * sandboxed iframe (no `clipboard-write` permission), so fall back to a hidden textarea + execCommand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: try the fallback below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    // Deprecated but the only synchronous fallback that works in sandboxed frames.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
