// Bulk-upload page: "zip" here is an archive, not a postal code.
const upload = document.getElementById('upload');

upload.addEventListener('change', () => {
  const zipFile = upload.files[0];
  gtag('event', 'bulk_upload_started', {
    file_name: zipFile.name,
    file_size: zipFile.size,
  });
});
