/* okoce-graph: record Content-Security-Policy violations (blocked requests) for self-tests. */
window.okgCspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.okgCspViolations.push(String(event.blockedURI || event.violatedDirective));
});
