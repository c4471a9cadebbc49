// Speaker links: pointing at (or focusing) a speaker chip, a quote or a
// speaker's name in the text lights every element of that speaker, the
// elements the app marks with data-speaker. Plain DOM: it changes classes
// only, never the app's state.
(() => {
  const clear = () => document.querySelectorAll('.linked').forEach((el) => el.classList.remove('linked'));
  const light = (event) => {
    clear();
    const owner = event.target instanceof Element ? event.target.closest('[data-speaker]') : null;
    if (!owner) return;
    const name = owner.getAttribute('data-speaker');
    document.querySelectorAll('[data-speaker]').forEach((el) => {
      if (el.getAttribute('data-speaker') === name) el.classList.add('linked');
    });
  };
  document.addEventListener('mouseover', light);
  document.addEventListener('focusin', light);
  document.addEventListener('mouseout', clear);
  document.addEventListener('focusout', clear);
})();
