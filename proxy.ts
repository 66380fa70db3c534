import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/security/page-policy";

// Every page: a Content-Security-Policy with a fresh nonce (on the request, so that Next.js puts the
// nonce on its scripts, and on the answer); and a visitor without a session cookie goes to the
// sign-in page. The real checks are on the server, in every page, action and API route; /api/*
// answers 401 itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  // The sign-in page and one-time sign-in links are for people without a session; the offline page
  // is kept by the service worker, and says nothing of anyone.
  const open = ["/login", "/offline"].includes(request.nextUrl.pathname) || request.nextUrl.pathname.startsWith("/welcome/");
  if (signedIn || open) {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    if (target !== "/") login.searchParams.set("callbackUrl", target);
    response = NextResponse.redirect(login);
  }
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // The service worker, the manifests and the icons are files: no session needed, no page policy.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|serwist/|manifest/|icons/).*)"],
};
