package vn.cong.media;

/** An upload the platform will not keep; the message is for the person who sent it (Vietnamese). */
public class UploadRefused extends RuntimeException {

    public UploadRefused(String message) {
        super(message);
    }
}
