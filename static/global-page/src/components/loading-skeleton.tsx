import { Stack } from '@atlaskit/primitives';
import Skeleton from '@atlaskit/skeleton';

/** The report's shape while it loads, so the page does not jump when the numbers arrive. */
export function LoadingSkeleton() {
  return (
    <Stack space="space.200" testId="trends-loading">
      <span role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}>
        Loading the trend report
      </span>
      <Skeleton width="40%" height={24} isShimmering />
      <Skeleton width="100%" height={180} isShimmering />
      <Skeleton width="100%" height={220} isShimmering />
    </Stack>
  );
}
