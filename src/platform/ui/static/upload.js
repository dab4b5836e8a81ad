// Progressive enhancement for large uploads: forms marked data-progress show a progress bar while
// the file uploads and while the server checks it. Without JavaScript the form posts normally.
(() => {
  document.addEventListener('submit', (event) => {
    var form = event.target;
    if (
      !(form instanceof HTMLFormElement) ||
      !form.hasAttribute('data-progress') ||
      !window.FormData ||
      !window.XMLHttpRequest
    )
      return;
    event.preventDefault();
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    var button = form.querySelector('button[type=submit]');
    if (bar) {
      bar.hidden = false;
      bar.value = 0;
    }
    if (button) button.disabled = true;
    var say = (text) => {
      if (status) status.textContent = text;
    };
    say('正在上传……');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable || !bar) return;
      bar.max = e.total;
      bar.value = e.loaded;
      say('正在上传 ' + Math.round((e.loaded / e.total) * 100) + '%');
    };
    xhr.upload.onload = () => {
      if (bar) bar.removeAttribute('value'); // indeterminate while the server reads and checks the file
      say('上传完成，正在检查文件……');
    };
    xhr.onload = () => {
      // Show the server's answer (preview, errors or the page redirected to) in place.
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var target = new URL(form.action, window.location.href).href;
      if (xhr.responseURL && xhr.responseURL !== target) window.history.pushState(null, '', xhr.responseURL);
      document.title = doc.title;
      document.body.replaceWith(document.adoptNode(doc.body));
      window.scrollTo(0, 0);
    };
    xhr.onerror = () => {
      if (button) button.disabled = false;
      if (bar) bar.hidden = true;
      say('上传失败，请检查网络后重试。');
    };
    xhr.send(new FormData(form));
  });
})();
