// The desktop app's side of the OAuth flow, done with plain fetch, lives with the conformance kit
// (which signs in to any implementation the same way); tests keep importing it from here.
export * from '../../../conformance/oauth-client';
