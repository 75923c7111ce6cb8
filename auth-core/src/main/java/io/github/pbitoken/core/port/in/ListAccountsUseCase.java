package io.github.pbitoken.core.port.in;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.util.List;

/** Who is signed in (remembered in the token cache)? */
public interface ListAccountsUseCase {
  List<Account> list() throws TokenAcquisitionException;
}
