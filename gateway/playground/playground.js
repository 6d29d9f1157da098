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
  // The current operation, as the editors hold it, for the spreadsheet download.
  var current = { query: defaultQuery, variables: '', headers: headers, operationName: undefined };

  /* Downloads the current operation's answer as XLSX or CSV through POST /export: the same
   * token and the same checks as running it. An error comes back as JSON and is shown. */
  /** An editor's text as on screen (CodeMirror keeps its instance on its wrapper), or undefined. */
  function editorText(selector, index) {
    var editor = document.querySelectorAll(selector)[index];
    var wrapper = editor && editor.querySelector('.CodeMirror');
    return wrapper && wrapper.CodeMirror ? wrapper.CodeMirror.getValue() : undefined;
  }
  function download(format) {
    // The editors themselves: GraphiQL may have restored a tab without calling onEdit*.
    current.query = editorText('.graphiql-query-editor .graphiql-editor', 0) || current.query;
    var shownVariables = editorText('.graphiql-editor-tool .graphiql-editor', 0);
    var shownHeaders = editorText('.graphiql-editor-tool .graphiql-editor', 1);
    if (shownVariables !== undefined) current.variables = shownVariables;
    if (shownHeaders !== undefined) current.headers = shownHeaders;
    var requestHeaders = { 'content-type': 'application/json' };
    try {
      var edited = current.headers.trim() ? JSON.parse(current.headers) : {};
      for (var name in edited) requestHeaders[name] = edited[name];
      var variables = current.variables.trim() ? JSON.parse(current.variables) : {};
    } catch (error) {
      return window.alert('The headers or variables are not valid JSON: ' + error.message);
    }
    var body = { query: current.query, variables: variables };
    if (current.operationName) body.operationName = current.operationName;
    fetch('/export?format=' + format, { method: 'POST', headers: requestHeaders, body: JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (answer) {
            var errors = (answer && answer.errors) || [];
            window.alert('No ' + format.toUpperCase() + ': ' + errors.map(function (e) { return e.message + (e.extensions && e.extensions.code ? ' (' + e.extensions.code + ')' : ''); }).join('; '));
          });
        }
        var match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '');
        return response.blob().then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = match ? match[1] : 'export.' + format;
          document.body.appendChild(link);
          link.click();
          setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        });
      })
      .catch(function (error) { window.alert('The download failed: ' + error.message); });
  }
  function downloadButton(format) {
    return React.createElement(
      'button',
      {
        key: format,
        type: 'button',
        className: 'graphiql-un-styled graphiql-toolbar-button hub-export-' + format,
        title: 'Download the answer of the current operation as ' + format.toUpperCase(),
        'aria-label': 'Download ' + format.toUpperCase(),
        onClick: function () { download(format); },
        style: { fontSize: '11px', fontWeight: 'bold' },
      },
      format.toUpperCase(),
    );
  }

  var root = ReactDOM.createRoot(document.getElementById('playground'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
      onEditQuery: function (value) { current.query = value; },
      onEditVariables: function (value) { current.variables = value; },
      onEditHeaders: function (value) { current.headers = value; },
      onEditOperationName: function (value) { current.operationName = value || undefined; },
      toolbar: { additionalContent: [downloadButton('xlsx'), downloadButton('csv')] },
      defaultQuery: defaultQuery,
      defaultHeaders: headers,
      headers: token ? headers : undefined,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
