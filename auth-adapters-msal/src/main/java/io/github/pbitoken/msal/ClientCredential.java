package io.github.pbitoken.msal;

/**
 * How a confidential client (a service principal) proves who it is. The set is closed: the adapter
 * maps each kind to MSAL4J's credential, and configuration chooses one.
 */
public sealed interface ClientCredential
    permits ClientSecretCredential,
        ClientCertificateCredential,
        FederatedTokenFileCredential,
        ClientAssertionCredential,
        ManagedIdentityCredential {}
