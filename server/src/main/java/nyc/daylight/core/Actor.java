package nyc.daylight.core;



/** Who is acting, as a service sees it: a user id and the role stored for that user. */
public record Actor(long userId, String role) {
    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }
}
