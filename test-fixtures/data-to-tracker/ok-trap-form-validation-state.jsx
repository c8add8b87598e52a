// Form state objects describe fields: errors, touched flags, labels and config are not the data.
import { useFormik } from 'formik';

export function SignupForm({ labels, config }) {
  const formik = useFormik({ initialValues: { email: '', phone: '' } });
  const { errors, touched } = formik;
  const onBlur = () => {
    if (touched.email && errors.email) {
      gtag('event', 'form_error', { field: 'email', message: errors.email, label: labels.email });
    }
    mixpanel.track('Signup form viewed', { supportEmail: config.email, phoneShown: Boolean(touched.phone) });
  };
  return <form onBlur={onBlur}><label>{labels.email}</label></form>;
}
