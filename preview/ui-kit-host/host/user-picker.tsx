import { HelperMessage, Label } from '@atlaskit/form';
import type { UserPickerProps, UserPickerValue } from '@atlaskit/forge-react-types';
import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { createContext, useContext, useEffect, useId, useState } from 'react';
import { z } from 'zod';

/** A GET on the product's REST API through the page's bridge (in the preview: the Jira emulator). */
export type ProductGet = (restPath: string) => Promise<{ status: number; body: string }>;
export const ProductGetContext = createContext<ProductGet | undefined>(undefined);

// Jira's user bean (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/).
const userBean = z.object({
  accountId: z.string(),
  accountType: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
});

const toValue = (user: z.infer<typeof userBean>): UserPickerValue => ({
  id: user.accountId,
  type: user.accountType,
  name: user.displayName ?? '',
  email: user.emailAddress ?? '',
  avatarUrl: user.avatarUrls?.['48x48'] ?? '',
});

async function getJson(get: ProductGet, restPath: string): Promise<unknown> {
  const response = await get(restPath);
  if (response.status !== 200) throw new Error(`Jira answered ${response.status} to ${restPath}`);
  return JSON.parse(response.body) as unknown;
}

/** The site's users matching what was typed, found as Jira's user picker finds them. */
export async function searchUsers(get: ProductGet, query: string): Promise<UserPickerValue[]> {
  const body = await getJson(get, `/rest/api/3/user/search?query=${encodeURIComponent(query)}`);
  return z.array(userBean).parse(body).map(toValue);
}

async function lookUpUser(get: ProductGet, accountId: string): Promise<UserPickerValue> {
  return toValue(
    userBean.parse(await getJson(get, `/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`)),
  );
}

interface UserOption {
  label: string;
  value: string;
  user: UserPickerValue;
}
const toOption = (user: UserPickerValue): UserOption => ({ label: user.name, value: user.id, user });

/**
 * UI Kit's UserPicker: the host searches the site's users itself and hands the app the chosen user
 * (an array of them with `isMulti`) as `UserPickerValue`s; `defaultValue` holds account IDs.
 * https://developer.atlassian.com/platform/forge/ui-kit/components/user-picker/
 */
export function UiKitUserPicker(props: UserPickerProps) {
  const { label, name, placeholder, description, isMulti, isRequired, defaultValue, onChange } = props;
  const get = useContext(ProductGetContext);
  const inputId = useId();
  const [chosen, setChosen] = useState<UserOption[]>([]);
  useEffect(() => {
    const ids = defaultValue === undefined ? [] : [defaultValue].flat();
    if (!get || ids.length === 0) return;
    void Promise.all(ids.map((id) => lookUpUser(get, id))).then((users) => setChosen(users.map(toOption)));
  }, [get, defaultValue]);
  const choose = (selected: unknown) => {
    const options = (selected ? [selected].flat() : []) as UserOption[];
    setChosen(options);
    // onChange is documented with one user; with isMulti the documented form value is a list, so the
    // host hands the list (not verified against Jira). https://developer.atlassian.com/platform/forge/ui-kit-2/user-picker
    const value = isMulti ? options.map((option) => option.user) : options[0]?.user;
    (onChange as ((value: unknown) => void) | undefined)?.(value);
  };
  return (
    <Stack space="space.050">
      <Label htmlFor={inputId}>{isRequired ? `${label} *` : label}</Label>
      <AsyncSelect<UserOption, boolean>
        inputId={inputId}
        name={name}
        isMulti={isMulti}
        placeholder={placeholder}
        defaultOptions
        loadOptions={(query: string) =>
          get ? searchUsers(get, query).then((users) => users.map(toOption)) : Promise.resolve([])
        }
        value={isMulti ? chosen : (chosen[0] ?? null)}
        onChange={choose}
      />
      {description ? <HelperMessage>{description}</HelperMessage> : null}
    </Stack>
  );
}
