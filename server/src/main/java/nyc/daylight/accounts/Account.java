package nyc.daylight.accounts;



/**
 * One row of {@code users} as the account services need it: who, in which role, whether the
 * address is confirmed, and the password hash to check a sign-in against.
 *
 * @param passwordHash null for an invited officer who has not chosen a password yet
 */
record Account(long id, String email, String role, boolean verified, String passwordHash) {
    boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    /** Never the hash: a record's default text would put it in any log line that prints an account. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", role=" + role + ", verified=" + verified + "]";
    }
}
