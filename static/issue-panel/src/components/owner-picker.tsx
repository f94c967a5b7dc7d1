import { Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useUserSearch, type UserOption } from '../hooks/use-user-search';
import type { ActionItemOwner } from '../logic/panel-types';

/**
 * Owner as a Jira user ({accountId, displayName}). An imported free-text owner ("Ana (SRE)") is
 * shown as text until someone picks a real user, so nothing typed is lost. It sits in a grid cell under
 * an "Owner" column heading, so its name ("Owner 2") is an aria-label rather than a visible label.
 */
export function OwnerPicker({
  id,
  label,
  owner,
  readOnly,
  onChange,
}: {
  id: string;
  label: string;
  owner: ActionItemOwner | null;
  readOnly: boolean;
  onChange: (owner: ActionItemOwner | null) => void;
}) {
  const search = useUserSearch();
  const value: UserOption | null =
    owner && 'accountId' in owner
      ? { value: owner.accountId, label: owner.displayName ?? owner.accountId }
      : null;
  const textOwner = owner && 'text' in owner ? owner.text : null;
  return (
    <Stack space="space.050">
      {textOwner ? (
        <Text as="p" size="small" color="color.text.subtle" testId={`${id}-text`}>
          Written as “{textOwner}”: pick the Jira user.
        </Text>
      ) : null}
      <AsyncSelect<UserOption>
        inputId={id}
        testId={id}
        aria-label={label}
        isClearable
        isDisabled={readOnly}
        cacheOptions
        loadOptions={search}
        placeholder={textOwner ?? 'Search people'}
        noOptionsMessage={({ inputValue }) => (inputValue ? 'No matching people' : 'Type a name to search')}
        value={value}
        onChange={(option) =>
          onChange(
            option
              ? { accountId: option.value, displayName: option.label }
              : textOwner
                ? { text: textOwner }
                : null,
          )
        }
      />
    </Stack>
  );
}
