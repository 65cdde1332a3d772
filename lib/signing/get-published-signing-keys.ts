// The public JWKS of every key this deployment has signed with.
import { getSigningKeyring } from "@/lib/signing/get-signing-keyring";
import { toJwks, type Jwks } from "@/lib/signing/to-jwks";

export async function getPublishedSigningKeys(): Promise<Jwks> {
  return toJwks(await getSigningKeyring());
}
