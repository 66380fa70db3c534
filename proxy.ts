import { NextResponse, type NextRequest } from "next/server";

// Only redirects: a visitor of a page without a session cookie goes to the sign-in page. The
// real checks are on the server, in every page, action and API route; /api/* answers 401 itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
