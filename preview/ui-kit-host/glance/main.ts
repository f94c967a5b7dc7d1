// The host first, so it answers the app's first reconcile; then the app exactly as Forge bundles it.
import '../host/install-host';
import '../../../static/issue-context/index';
