import { notifications } from '@mantine/notifications';

/** A toast that screen readers hear: success politely (status), failure at once (alert). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', role: 'status', autoClose: 4000 } as Parameters<
    typeof notifications.show
  >[0]);
}

export function notifyError(message: string): void {
  notifications.show({ message, color: 'red', role: 'alert', autoClose: 8000 } as Parameters<
    typeof notifications.show
  >[0]);
}
