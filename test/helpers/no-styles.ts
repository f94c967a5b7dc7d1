// Stands in for the CSS files Atlassian's compiled components import (see jest.config.js).
export {};
