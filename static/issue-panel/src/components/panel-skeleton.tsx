import { Stack } from '@atlaskit/primitives';
import Skeleton from '@atlaskit/skeleton';

/** Placeholder shaped like the panel while it loads, so nothing jumps when it arrives. */
export function PanelSkeleton() {
  return (
    <Stack space="space.150" testId="panel-loading" aria-busy="true" aria-label="Loading the postmortem">
      <Skeleton width="60%" height={24} isShimmering />
      <Skeleton width="100%" height={64} isShimmering />
      <Skeleton width="40%" height={16} isShimmering />
      <Skeleton width="100%" height={32} isShimmering />
      <Skeleton width="100%" height={32} isShimmering />
      <Skeleton width="100%" height={96} isShimmering />
    </Stack>
  );
}
