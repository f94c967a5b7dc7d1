import ForgeReconciler from '@forge/react';
import { DashboardGadgetApp } from './dashboard-gadget-app';

ForgeReconciler.render(<DashboardGadgetApp />);
