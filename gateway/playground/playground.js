/* Starts GraphiQL against this hub. A token in the page's fragment (#token=…) fills the
 * Authorization header; the fragment never leaves the browser. */
(function () {
  var token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', window.location.pathname);
  var headers = token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : '{\n  "Authorization": "Bearer <token from npm run token>"\n}';
  var defaultQuery = [
    '# Government federation hub: one graph for every level of local government.',
    '# Public data (the unit tree) needs no token; everything else needs the',
    '# Authorization header below. You see your unit and the units below it.',
    '',
    'query KienGiang {',
    '  me { name roles unit { code name } }',
    '  unit(code: "91") {',
    '    name',
    '    level',
    '    path',
    '    children(first: 20) {',
    '      totalCount',
    '      edges { node { code name } }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  var root = ReactDOM.createRoot(document.getElementById('playground'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
      defaultQuery: defaultQuery,
      defaultHeaders: headers,
      headers: token ? headers : undefined,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
