package io.github.pbitoken.core.port.out;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.util.List;

/** The users who have signed in and whose sign-in is remembered (in the token cache). */
public interface AccountStore {
  /** Every remembered account, in a stable order. */
  List<Account> accounts() throws TokenAcquisitionException;

  /** Forgets {@code account}: its tokens go; the next token for that user needs a new sign-in. */
  void remove(Account account) throws TokenAcquisitionException;
}
