import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

type Props = ButtonProps & { variant?: 'primary' | 'danger' | 'ghost'; size?: 'small' };

/** The one button: React Aria's, so press, focus and keyboard behave alike everywhere. */
export function Button({ variant, size, className, ...props }: Props) {
  const classes = ['button', variant, size, typeof className === 'string' ? className : ''].filter(Boolean).join(' ');
  return <AriaButton {...props} className={classes} />;
}
