import { token } from '@atlaskit/tokens';
import { InlineMarkdown } from './markdown-text';

/** A list section read as a list (numbered where the reference numbers it); items reflow like paragraphs. */
export function TextListRead({ items, ordered }: { items: readonly string[]; ordered: boolean }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List style={{ margin: 0, paddingInlineStart: token('space.300'), font: token('font.body') }}>
      {items.map((item, index) => (
        <li key={index}>
          <InlineMarkdown text={item.split(/\s*\n\s*/).join(' ')} />
        </li>
      ))}
    </List>
  );
}
