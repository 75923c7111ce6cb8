package io.github.pbitoken.core.port.in;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.SignOutRequest;
import io.github.pbitoken.core.domain.TokenAcquisitionException;
import java.util.List;

/** Forget one signed-in user, or all of them; returns the accounts that were removed. */
public interface SignOutUseCase {
  List<Account> signOut(SignOutRequest request) throws TokenAcquisitionException;
}
