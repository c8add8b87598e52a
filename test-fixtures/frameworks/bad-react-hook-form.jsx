// react-hook-form: submitted values and getValues() are read by field name.
import { useForm } from 'react-hook-form';

export function Newsletter() {
  const { register, handleSubmit, getValues } = useForm();
  const onValid = (data) => analytics.identify({ email: data.email, plan: data.plan }); // expect: email segment
  return (
    <form onSubmit={handleSubmit(onValid)}>
      <input {...register('email')} />
      <input {...register('phone')} onBlur={() => gtag('event', 'phone_entered', { p: getValues('phone') })} /> {/* expect: phone google-tag */}
    </form>
  );
}
