import ForgeReconciler from '@forge/react';
import { AdminSettingsPage } from './admin-settings-app';

ForgeReconciler.render(<AdminSettingsPage />);
