import { Link } from '@/components/ui/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        There is no page at this address. The policy or application may have been deleted, or the
        link is mistyped.
      </p>
      <Link
        className="mt-6 inline-block font-medium text-blue-700 underline dark:text-blue-300"
        href="/policies"
      >
        Go to token lifetime policies
      </Link>
    </main>
  );
}
