import ForgeReconciler from '@forge/react';
import { IssueContextApp } from './issue-context-app';

ForgeReconciler.render(<IssueContextApp />);
