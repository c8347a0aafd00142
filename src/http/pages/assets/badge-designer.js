// Live preview for the badge designer (progressive enhancement: the Preview button works without it).
const preview = document.getElementById("badge-preview");
const form = document.querySelector("form.badge-design-form");
if (preview && form) {
  let timer;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const data = new FormData(form);
      const query = new URLSearchParams();
      for (const name of ["shape", "primary", "secondary", "icon", "title"])
        query.set(name, data.get(name) ?? "");
      preview.src = `${preview.dataset.preview}?${query}`;
    }, 200);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
}
