import { useId } from 'react';
import { cn } from '@/lib/utils/cn';

/** The Flowdeck mark: two producer nodes flowing into one consumer, on an indigo tile. */
export function LogoMark({ className }: { className?: string }) {
  const gradient = useId();
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={cn('size-6 shrink-0', className)}>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="24" y2="24" gradientUnits="userSpaceOnUse">
          <stop offset="0" stopColor="oklch(0.62 0.2 268)" />
          <stop offset="1" stopColor="oklch(0.5 0.22 292)" />
        </linearGradient>
      </defs>
      <rect width="24" height="24" rx="6.5" fill={`url(#${gradient})`} />
      <path
        d="M8.6 7.6c3.4 0 3.2 4.4 6.6 4.4M8.6 16.4c3.4 0 3.2-4.4 6.6-4.4"
        fill="none"
        stroke="white"
        strokeOpacity="0.85"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      <circle cx="7" cy="7.6" r="2" fill="white" />
      <circle cx="7" cy="16.4" r="2" fill="white" />
      <circle cx="17" cy="12" r="2.3" fill="white" />
    </svg>
  );
}

/** Mark + product name. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn('flex items-center gap-2.5', className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight">Flowdeck</span>
    </span>
  );
}
